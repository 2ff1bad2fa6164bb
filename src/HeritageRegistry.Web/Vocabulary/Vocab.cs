namespace HeritageRegistry.Vocabulary;

/// <summary>
/// Every controlled vocabulary of the registry, in one place, so pages, filters, the API and exports
/// speak the same terms. Codes are what the database stores; never rename one without a migration.
/// </summary>
public static partial class Vocab
{
    public static readonly TermList SiteKinds = new("Site kind",
    [
        new("temple", "Temple", "معبد", "A sanctuary built for the worship of one or more gods, such as the temples of Bel, Baalshamin and Nabu."),
        new("tomb", "Tomb", "مدفن", "A burial monument: a tower tomb, a house tomb or an underground hypogeum, often with carved funerary portraits."),
        new("museum", "Museum", "متحف", "A building that keeps and displays collections, here chiefly the Palmyra Museum in the modern town."),
        new("citadel", "Citadel", "قلعة", "A fortified stronghold, such as the hilltop castle that overlooks the ruins."),
        new("colonnade", "Colonnade", "رواق أعمدة", "A row of columns lining a street or an enclosure, such as the Great Colonnade that crosses the ancient city."),
        new("theatre", "Theatre", "مسرح", "A building for public performances, with tiered seating facing a stage."),
        new("arch", "Arch", "قوس", "A free-standing monumental gateway, such as the Monumental Arch on the Great Colonnade."),
        new("agora", "Agora", "ساحة عامة (أغورا)", "An open public square used for trade and civic gatherings."),
        new("statue", "Statue", "تمثال", "A free-standing sculpture, such as the Lion of al-Lat."),
        new("other", "Other", "أخرى", "A place that fits none of the kinds above, such as the archaeological site as a whole."),
    ]);

    public static readonly TermList ReportKinds = new("Report kind",
    [
        new("damage", "Damage", "ضرر", "An assessment of the physical condition of a place at one time, including any harm done to it; the latest one that states a severity gives the place's current condition."),
        new("event", "Event", "حدث", "Something that happened at a place without being damage in itself, such as a capture, a recapture or a plan to restore it; recorded so that a place's timeline tells the whole story. An event never changes a place's condition."),
        new("restoration", "Restoration", "ترميم", "Work that restored or rebuilt a place; its severity states the condition it left the place in, which is the place's condition from then on (left empty when no source says)."),
    ]);

    public static readonly TermList SourceKinds = new("Source kind",
    [
        new("news", "News article", "مقال إخباري", "A story published by a newspaper, a news agency or a broadcaster."),
        new("report", "Report", "تقرير", "A report by a research body, a non-governmental organisation or a monitoring project, such as ASOR's Cultural Heritage Initiatives."),
        new("satellite-analysis", "Satellite analysis", "تحليل صور الأقمار الصناعية", "A study that compares satellite images taken on different dates to detect change, such as those by UNITAR-UNOSAT."),
        new("unesco", "UNESCO document", "وثيقة لليونسكو", "A decision, state-of-conservation report or statement of UNESCO or its World Heritage Committee."),
        new("academic", "Academic publication", "منشور أكاديمي", "A scholarly article, book or conference paper."),
        new("official-statement", "Official statement", "بيان رسمي", "A statement by a government body, such as Syria's Directorate-General of Antiquities and Museums."),
        new("social-media", "Social media", "وسائل التواصل الاجتماعي", "A post, photograph or video shared on a social network; often the earliest evidence and the least checked."),
        new("eyewitness", "Eyewitness account", "شهادة عيان", "A first-hand account from someone who was there."),
        new("encyclopedia", "Encyclopedia", "موسوعة", "A reference work such as Wikipedia, used for background rather than as primary evidence."),
    ]);

    public static readonly TermList PublicationStates = new("Publication state",
    [
        new("draft", "Draft", "مسودة", "Being prepared by curators and not yet shown to the public."),
        new("published", "Published", "منشور", "Shown on public pages and in open data; a published record cites at least one source."),
    ]);

    // A property rather than a field: partial-class field initialisers in different files run in no
    // guaranteed order, so a field here could capture lists that are still null.
    public static IReadOnlyList<TermList> All =>
    [
        SiteKinds, ReportKinds, Severities, Causes, Effects, Extents, Certainties,
        Verifications, Methods, SourceKinds, PublicationStates, PhotoPhases, Licences,
    ];
}
