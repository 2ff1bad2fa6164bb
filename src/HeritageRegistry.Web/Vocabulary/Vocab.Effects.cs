namespace HeritageRegistry.Vocabulary;

public static partial class Vocab
{
    /// <summary>
    /// EAMENA Disturbance Effects, in EAMENA's order, coded like <see cref="Causes"/>. The label corrects
    /// EAMENA's "Lack of Adehsion" to "Adhesion"; its code keeps the source spelling (lack-of-adehsion).
    /// </summary>
    public static readonly TermList Effects = new("Effect",
    [
        new("access-restriction", "Access Restriction", "تقييد الوصول", "Entry to the place is blocked or controlled, for example by a military presence."),
        new("alteration-of-terrain", "Alteration of Terrain", "تغيير التضاريس", "The shape of the ground has been changed."),
        new("artefact-displacement", "Artefact Displacement", "إزاحة اللقى الأثرية", "Objects have been moved from where they lay."),
        new("burning", "Burning", "الاحتراق", "Fire has scorched or consumed material."),
        new("chemical-leaching", "Chemical Leaching", "الرشح الكيميائي", "Water has dissolved and carried away components of the material."),
        new("collapse-structural-damage", "Collapse/Structural Damage", "الانهيار أو الضرر الإنشائي", "Part or all of a structure has come down or can no longer bear its own weight, demolition included."),
        new("compacting", "Compacting", "الانضغاط", "Weight or traffic has pressed the ground and buried layers together."),
        new("covered", "Covered", "التغطية أو الطمر", "Remains lie hidden under soil, debris or new construction."),
        new("cracked-broken-missing-parts", "Cracked/Broken/Missing Parts", "تشقق أو كسر أو فقدان أجزاء", "Elements are cracked, broken or gone."),
        new("earth-displacement", "Earth Displacement", "إزاحة التربة", "Soil has been dug up, piled or pushed aside."),
        new("erosion-deterioration-micro-bio", "Erosion/Deterioration (micro-bio)", "التعرية أو التدهور (بفعل الكائنات الدقيقة)", "Surfaces have worn away, including decay by micro-organisms."),
        new("lack-of-adehsion", "Lack of Adhesion", "ضعف الالتصاق", "Surface layers such as plaster or paint are coming away from what they cover."),
        new("lack-of-cohesion", "Lack of Cohesion", "ضعف التماسك", "The material itself is crumbling apart."),
        new("loss-removal-of-archaeological-material", "Loss/Removal of Archaeological Material", "فقدان المواد الأثرية أو إزالتها", "Archaeological material has been lost or taken away."),
        new("loss-of-intangible-heritage-linked-to-heritage-resource", "Loss of Intangible Heritage Linked to Heritage Resource", "فقدان التراث غير المادي المرتبط بالموقع", "Practices, knowledge or meanings tied to the place can no longer be carried on."),
        new("relocation-of-archaeological-features", "Relocation of Archaeological Features", "نقل المعالم الأثرية من مواضعها", "Features have been moved to another location."),
        new("structural-alteration", "Structural Alteration", "تغيير إنشائي", "The fabric of a structure has been changed, without collapse."),
        new("surface-loss", "Surface Loss", "فقدان السطح", "The outer surface, such as carving, render or an inscription, has been lost."),
        new("visual-impact", "Visual Impact", "الأثر البصري", "The look or setting of the place has been spoiled."),
        new("water-damage", "Water Damage", "الضرر المائي", "Water has soaked, stained or weakened material."),
        new("not-applicable", "Not Applicable", "لا ينطبق", "The effect to record when the cause is \"No Visible/Known\"."),
        new("unknown", "Unknown", "غير معروف", "There is an effect but it cannot be determined."),
    ]);
}
