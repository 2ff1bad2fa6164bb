namespace HeritageRegistry.Vocabulary;

/// <summary>One entry of a controlled vocabulary. <see cref="Code"/> is what the database stores.</summary>
public sealed record Term(string Code, string English, string Arabic, string Definition);
