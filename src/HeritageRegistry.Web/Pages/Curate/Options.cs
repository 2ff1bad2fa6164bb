using HeritageRegistry.Vocabulary;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace HeritageRegistry.Pages.Curate;

/// <summary>Drop-down choices from the one vocabulary list in code, so forms can only offer valid terms.</summary>
public static class Options
{
    public static IEnumerable<SelectListItem> Of(TermList list, string empty = "— not stated —") =>
        [new SelectListItem(empty, ""), .. list.Select(t => new SelectListItem(TermList.Label(t), t.Code))];
}
