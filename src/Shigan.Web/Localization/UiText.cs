namespace Shigan.Web.Localization;

/// <summary>
/// Marker for the shared interface texts. Keys are the Chinese texts themselves (the default language);
/// UiText.en.resx holds their English. A missing translation shows the Chinese, never a key.
/// </summary>
public sealed class UiText;
