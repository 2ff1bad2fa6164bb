using System.Globalization;
using HeritageRegistry.Data;
using HeritageRegistry.Localization;
using HeritageRegistry.Vocabulary;

namespace HeritageRegistry.Display;

/// <summary>A place's condition and its badges in words, in the page's language; the API and the GeoJSON
/// always ask for the English (<see cref="Languages.InEnglish{T}"/>), so their words never change.</summary>
public static class ConditionText
{
    /// <summary>The badge for a severity code, a parts state, or a report kind without a severity.</summary>
    public static (string Css, string Label) Badge(string? code, string? kind = null) =>
        Vocab.Severities.Find(code) is { } term ? (term.Code, TermList.Label(term))
        : kind == "event" ? ("event", Say("Context event", "حدث سياقي"))
        : kind == "restoration" || code == PlaceCondition.Restored ? ("restored", Say("Restored", "مُرمَّم"))
        : ("none", Say("Not assessed", "لم يُقيَّم"));

#pragma warning disable CA1308 // a label inside a phrase ("3 severely damaged") reads in lower case; English only
    /// <summary>"3 destroyed" (in Arabic "مدمَّر: 3"): how many places within a place are in one state.</summary>
    public static string Counted(string state, int count) => Languages.IsArabic
        ? string.Create(CultureInfo.InvariantCulture, $"{Badge(state).Label}: {count}")
        : string.Create(CultureInfo.InvariantCulture, $"{count} {Badge(state).Label.ToLowerInvariant()}");
#pragma warning restore CA1308

    /// <summary>"Destroyed 27 June 2015, restored 1 October 2017": the damage a restoration followed, and the restoration.</summary>
    public static string History(PlaceCondition condition) =>
        (condition.Before is null ? "" : $"{Vocab.Severities.Label(condition.Before)} {DateText.Format(condition.BeforeOn)}{Say(", ", "، ")}")
        + $"{Say("restored", "رُمِّم في")} {DateText.Format(condition.RestoredOn)}";

    /// <summary>The whole condition in one line, as the page reads.</summary>
    public static string Of(PlaceCondition condition) =>
        condition.HasParts ? Say("Places within it: ", "الأماكن التي يضمّها: ") + string.Join(Say(", ", "، "), condition.PartsInOrder.Select(p => Counted(p.State, p.Count)))
        : condition.RestoredOn is not null ? $"{Badge(condition.Severity, "restoration").Label} ({History(condition)})"
        : Badge(condition.Severity).Label;

    // The few words of condition that are not vocabulary terms, kept beside the terms' own two labels.
    private static string Say(string english, string arabic) => Languages.IsArabic ? arabic : english;
}
