using System.ComponentModel.DataAnnotations;

namespace HeritageRegistry.Pages.Curate.Reports;

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
