namespace HeritageRegistry.Vocabulary;

public static partial class Vocab
{
    public static readonly TermList PhotoPhases = new("Photo phase",
    [
        new("before", "Before", "قبل", "Taken before the damage the record describes, showing the place as it was."),
        new("during", "During", "أثناء", "Taken while the damage was happening or while the place was held by those who caused it."),
        new("after", "After", "بعد", "Taken after the damage, showing what remains."),
    ]);

    public static readonly TermList Licences = new("Licence",
    [
        new("cc0", "CC0 (public domain)", "المشاع الإبداعي صفر (ملكية عامة)", "The maker gave up all rights: anyone may reuse the photo for any purpose without credit."),
        new("cc-by", "CC BY", "المشاع الإبداعي: نسب المصنف", "Anyone may reuse and adapt the photo, for any purpose, if they credit the maker."),
        new("cc-by-sa", "CC BY-SA", "المشاع الإبداعي: نسب المصنف والمشاركة بالمثل", "As CC BY, and adaptations must be shared under the same licence."),
        new("all-rights-reserved", "All rights reserved", "جميع الحقوق محفوظة", "Shown here with permission; reuse needs the maker's own permission."),
        new("unknown", "Unknown", "غير معروف", "The licence has not been established; do not reuse the photo until it is."),
    ]);
}
