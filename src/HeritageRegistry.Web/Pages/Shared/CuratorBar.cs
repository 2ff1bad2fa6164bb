namespace HeritageRegistry.Pages;

/// <summary>What the curator bar of a public record page offers: the record's state, its edit page, and where
/// to add photos to it (for places and reports). Shown only to signed-in curators, whose pages the output cache never keeps.</summary>
public sealed record CuratorBar(string Publication, string EditUrl, string? AddPhotosUrl = null);
