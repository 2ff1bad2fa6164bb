using System.Globalization;

namespace HeritageRegistry.UnitTests;

/// <summary>Makes the page language the given culture (as the Arabic pages' middleware does) until disposed.</summary>
internal sealed class UiCulture : IDisposable
{
    private readonly CultureInfo _before = CultureInfo.CurrentUICulture;

    public UiCulture(string name) => CultureInfo.CurrentUICulture = new CultureInfo(name);

    public void Dispose() => CultureInfo.CurrentUICulture = _before;
}
