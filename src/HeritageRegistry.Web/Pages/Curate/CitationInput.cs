using System.ComponentModel.DataAnnotations;
using HeritageRegistry.Pickers;
using HeritageRegistry.Validation;

namespace HeritageRegistry.Pages.Curate;

/// <summary>One source cited for a report: where in the source, and what it says.</summary>
public sealed class CitationInput
{
    public const int MaxLocator = 200;
    public const int MaxQuote = 2000;

    [Required(ErrorMessage = "Choose the source to cite.")]
    [Display(Name = "Source")]
    [Pick(PickerKind.Source)]
    public long? SourceId { get; set; }

    [SingleLine(MaxLocator)]
    [Display(Name = "Where in the source (page, paragraph, timestamp)")]
    public string? Locator { get; set; }

    [MultiLine(MaxQuote)]
    [Display(Name = "Quote")]
    public string? Quote { get; set; }
}

/// <summary>What the citation editor partial needs from a page.</summary>
public interface ICitationEditor
{
    Data.Editing.EditableRecord? Record { get; }
    CitationInput Citation { get; }
    IReadOnlyList<Data.CitationRow> Citations { get; }
}
