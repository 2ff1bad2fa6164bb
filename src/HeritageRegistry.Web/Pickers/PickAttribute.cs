namespace HeritageRegistry.Pickers;

/// <summary>
/// Marks a form's record id as chosen with a picker: the form posts the text a curator typed or chose
/// (a reference, a slug, or "REF — title"), and <see cref="PickBinder"/> resolves it to the record's id.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PickAttribute(PickerKind kind) : Attribute
{
    public PickerKind Kind => kind;
}
