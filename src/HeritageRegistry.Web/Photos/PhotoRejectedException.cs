namespace HeritageRegistry.Photos;

/// <summary>An upload that is not a photo we accept; the message is shown to the curator as it is.</summary>
public sealed class PhotoRejectedException(string message, Exception? inner = null) : Exception(message, inner);
