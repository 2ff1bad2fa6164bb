namespace HeritageRegistry.Search;

/// <summary>
/// The names of the public places (English, Arabic and other names), folded as the index folds them. A search
/// ranks a place by how much of one of its names the query says (<see cref="Score"/>), so the place a query
/// names comes before the records that merely mention it; and a query that finds nothing is checked against
/// the names' words for a misspelling (<see cref="Spelling"/>). Only public places are here (SearchDocs loads
/// them with PublicSql), so no draft's name is ever ranked or suggested.
/// </summary>
public sealed class PlaceNames
{
    /// <summary>One name as words, with each pair of adjacent Arabic words also written together (SearchText.NameWords).</summary>
    private sealed record Name(string[] Words, string?[] Joined);

    private readonly Dictionary<long, Name[]> _byPlace;

    public PlaceNames(IEnumerable<SearchPlace> places)
    {
        _byPlace = [];
        var words = new Dictionary<string, (string Written, int Count)>(StringComparer.Ordinal);
        foreach (var place in places)
        {
            var names = place.AllNames().ToList();
            _byPlace[place.Id] = [.. names.Select(SearchText.NameWords).Select(n => new Name(n.Words, n.Joined)).Where(n => n.Words.Length > 0)];
            foreach (var name in names)
            {
                var folded = SearchText.FoldWithOrigins(name);
                foreach (var range in SearchText.Words(folded.Text))
                {
                    var word = folded.Text[range];
                    var written = name[folded.Origins[range.Start.Value]..folded.Origins[range.End.Value]];
                    words[word] = words.TryGetValue(word, out var seen) ? seen with { Count = seen.Count + 1 } : (written, 1);
                }
            }
        }
        Spelling = new Spelling(words);
    }

    /// <summary>Corrects misspelt words against the words of these names.</summary>
    public Spelling Spelling { get; }

    /// <summary>
    /// How much of one of the place's names the query says, from 0 (no name holds every typed word) to 1 (the
    /// query is a whole name): the share of the name's words the typed words cover, at best over its names.
    /// "Palmyra" is all of Palmyra's name and half of "Palmyra Museum"; "bel" a third of "Temple of Bel"
    /// and a sixth of "Cella of the Temple of Bel". Typed words must be whole words of the name (a word
    /// being typed is no name yet), or an Arabic compound the name writes apart (بعلشمين in بعل شمين).
    /// Cost: the few words of the place's few names, once per matching place.
    /// </summary>
    public double Score(FtsQuery query, long placeId)
    {
        if (query.IsEmpty || !_byPlace.TryGetValue(placeId, out var names))
        {
            return 0;
        }
        var best = 0.0;
        foreach (var name in names)
        {
            best = Math.Max(best, Coverage(query, name));
        }
        return best;
    }

    private static double Coverage(FtsQuery query, Name name)
    {
        var covered = new bool[name.Words.Length];
        foreach (var phrase in query.Phrases)
        {
            var found = false;
            for (var at = 0; at < name.Words.Length; at++)
            {
                var length = PhraseAt(phrase, name, at);
                for (var k = 0; k < length; k++)
                {
                    covered[at + k] = true;
                }
                found |= length > 0;
            }
            if (!found)
            {
                return 0;
            }
        }
        return (double)covered.Count(c => c) / covered.Length;
    }

    /// <summary>How many of the name's words from <paramref name="at"/> on the phrase is: its own length, two for a
    /// compound written together, or 0 when it is not there.</summary>
    private static int PhraseAt(IReadOnlyList<string> phrase, Name name, int at)
    {
        if (phrase.Count == 1 && at < name.Joined.Length && name.Joined[at] == phrase[0])
        {
            return 2;
        }
        if (at + phrase.Count > name.Words.Length)
        {
            return 0;
        }
        for (var k = 0; k < phrase.Count; k++)
        {
            if (name.Words[at + k] != phrase[k])
            {
                return 0;
            }
        }
        return phrase.Count;
    }
}
