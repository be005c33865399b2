namespace Shigan.Core.Cases;

/// <summary>Reporters' phone numbers: what counts as one, and how it is shown to those who may not read it.</summary>
public static class PhoneNumbers
{
    public static bool IsValid(string phone) =>
        phone.Length is >= 5 and <= 20 && phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ') && phone.Count(char.IsAsciiDigit) >= 5;

    /// <summary>138****1234: the first three and last four digits, the rest hidden.</summary>
    public static string Mask(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return "";
        }

        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        return digits.Length <= 7 ? new string('*', digits.Length) : $"{digits[..3]}****{digits[^4..]}";
    }

    /// <summary>Digits only, so "138-0000-1234" and "13800001234" are the same number when a citizen rates.</summary>
    public static string Normalize(string? phone) => new((phone ?? "").Where(char.IsAsciiDigit).ToArray());
}
