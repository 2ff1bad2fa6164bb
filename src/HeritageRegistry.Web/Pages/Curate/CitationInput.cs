using System.ComponentModel.DataAnnotations;

namespace HeritageRegistry.Pages.Curate;

/// <summary>One source cited for a report: where in the source, and what it says.</summary>
public sealed class CitationInput
{
    [Required(ErrorMessage = "Choose the source to cite.")]
    [Display(Name = "Source")]
    public long? SourceId { get; set; }

    [StringLength(200)]
    [Display(Name = "Where in the source (page, paragraph, timestamp)")]
    public string? Locator { get; set; }

    [StringLength(2000)]
    [Display(Name = "Quote")]
    public string? Quote { get; set; }
}

/// <summary>What the citation editor partial needs from a page.</summary>
public interface ICitationEditor
{
    Data.Editing.EditableRecord? Record { get; }
    CitationInput Citation { get; }
    IReadOnlyList<Data.CitationRow> Citations { get; }
    IReadOnlyList<Data.Choice> Sources { get; }
}
