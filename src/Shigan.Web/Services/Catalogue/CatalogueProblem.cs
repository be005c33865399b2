namespace Shigan.Web.Services.Catalogue;

/// <summary>
/// One thing wrong with an item or bundle: the field (API style, materials[1].name), a message that is a key of the
/// English texts, and the value it is about, shown as it was written.
/// </summary>
public sealed record CatalogueProblem(string Field, string Message, string? Value = null);
