namespace AriSuTotalService.Web;

/// <summary>
/// Marker for the shared string resources. Keys are the Korean texts shown by default;
/// Resources/SharedResource.en.resx gives the English ones.
/// </summary>
public sealed class SharedResource;
