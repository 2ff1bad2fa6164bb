namespace HeritageRegistry.Localization;

/// <summary>
/// The interface's strings, one resource for the whole site (SharedResource.ar.resx beside this file). The key is
/// the English text itself, so English pages need no resource file and read exactly as written.
/// </summary>
#pragma warning disable CA1052 // a marker type for IStringLocalizer&lt;T&gt;, never instantiated
public sealed class SharedResource;
#pragma warning restore CA1052
