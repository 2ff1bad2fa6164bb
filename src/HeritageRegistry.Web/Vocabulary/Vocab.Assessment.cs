namespace HeritageRegistry.Vocabulary;

// The scales that describe one damage report: how bad, how much, how sure, and how we know.
public static partial class Vocab
{
    /// <summary>UNITAR-UNOSAT damage classes, darkest first; the colour scale follows this order.</summary>
    public static readonly TermList Severities = new("Severity",
    [
        new("destroyed", "Destroyed", "مدمَّر", "The structure is gone or reduced to rubble; what stood there no longer stands."),
        new("severely-damaged", "Severely damaged", "متضرر بشدة", "Major parts have collapsed or been lost, though a substantial part still stands."),
        new("moderately-damaged", "Moderately damaged", "متضرر بدرجة متوسطة", "Clear damage such as holes, cracks or a partial collapse, while the structure as a whole survives."),
        new("possibly-damaged", "Possibly damaged", "يُحتمل تضرره", "There are signs of damage, but the evidence is too unclear to say how much, or whether there is any."),
        new("no-visible-damage", "No visible damage", "لا ضرر ظاهر", "No damage can be seen in the evidence available; this does not prove that the place is unharmed."),
    ]);

    /// <summary>EAMENA extent bands: the share of the place's ground area that is visibly affected.</summary>
    public static readonly TermList Extents = new("Extent",
    [
        new("no-visible-known", "No visible/known", "لا ضرر ظاهر أو معروف", "No part of the place is visibly or knowingly affected."),
        new("1-10", "1–10%", "1–10٪", "Up to a tenth of the place's ground area is visibly affected."),
        new("11-30", "11–30%", "11–30٪", "Between roughly a tenth and a third of the place's ground area is visibly affected."),
        new("31-60", "31–60%", "31–60٪", "Between roughly a third and three fifths of the place's ground area is visibly affected."),
        new("61-90", "61–90%", "61–90٪", "Most of the place's ground area is visibly affected, though not nearly all."),
        new("91-100", "91–100%", "91–100٪", "Nearly all or all of the place's ground area is visibly affected."),
        new("unknown", "Unknown", "غير معروف", "The affected share cannot be judged from the evidence."),
    ]);

    /// <summary>EAMENA certainty scale, weakest first, for both the cause and the effect of a report.</summary>
    public static readonly TermList Certainties = new("Certainty",
    [
        new("negligible", "Negligible", "ضئيل", "The claim is very doubtful, for instance because other accounts or images contradict it."),
        new("low", "Low", "منخفض", "The claim is plausible but rests on weak or indirect evidence."),
        new("medium", "Medium", "متوسط", "The evidence points the same way but leaves real room for doubt."),
        new("high", "High", "مرتفع", "Good evidence supports the claim and little speaks against it."),
        new("definite", "Definite", "مؤكَّد", "Beyond reasonable doubt, because independent publications, other analysts or repeated imagery agree."),
    ]);

    /// <summary>How far the registry has checked a report, from a single claim to a field inspection.</summary>
    public static readonly TermList Verifications = new("Verification",
    [
        new("reported", "Reported", "مُبلَّغ عنه", "Claimed by one source and not yet confirmed by another."),
        new("corroborated", "Corroborated", "مدعوم بمصادر مستقلة", "Supported by at least two sources that do not depend on each other."),
        new("verified-imagery", "Verified by imagery", "متحقَّق منه بصور الأقمار الصناعية", "Confirmed by satellite images that show the change."),
        new("verified-field", "Verified in the field", "متحقَّق منه ميدانيًا", "Confirmed by specialists who inspected the place on the ground."),
        new("disputed", "Disputed", "متنازَع عليه", "Contradicted by another credible source; the conflicting claims are kept side by side."),
        new("retracted", "Retracted", "مسحوب", "Withdrawn by its source or shown to be wrong; kept in the record so that the correction stays visible."),
    ]);

    /// <summary>How the assessor learned what a report says.</summary>
    public static readonly TermList Methods = new("Method",
    [
        new("satellite-imagery", "Satellite imagery", "صور الأقمار الصناعية", "Change seen by comparing satellite images taken before and after the event."),
        new("field-visit", "Field visit", "زيارة ميدانية", "Inspection of the place on the ground."),
        new("media-report", "Media report", "تقرير إعلامي", "Information carried by the press or broadcasters."),
        new("official-statement", "Official statement", "بيان رسمي", "An announcement by an authority responsible for the place or for antiquities."),
        new("eyewitness", "Eyewitness", "شاهد عيان", "The testimony of a person who saw the place or the event at first hand."),
    ]);
}
