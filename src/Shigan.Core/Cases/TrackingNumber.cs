using System.Globalization;

namespace Shigan.Core.Cases;

/// <summary>
/// The public tracking number (受理编号) a reporter is given, e.g. <c>CS20261126-0001238</c>:
/// the county prefix (letters, "CS" for 常山 by default), the China date of the report (yyyyMMdd),
/// a hyphen, the sequence number padded to six digits (wider when it outgrows them), and one check digit.
/// The check digit is Damm's over all the digits before it, so any single mistyped digit and any two
/// neighbouring digits swapped are caught before the number is looked up.
/// </summary>
public static class TrackingNumber
{
    public const string DefaultPrefix = "CS";
    public const int MaxPrefixLength = 6;
    private const int DateDigits = 8;
    private const int SequenceDigits = 6;
    private const int MaxSequenceDigits = 17;

    // Damm's totally anti-symmetric quasigroup of order 10.
    private static readonly byte[,] Damm =
    {
        { 0, 3, 1, 7, 5, 9, 8, 6, 4, 2 },
        { 7, 0, 9, 2, 1, 5, 4, 8, 6, 3 },
        { 4, 2, 0, 6, 8, 7, 1, 3, 5, 9 },
        { 1, 7, 5, 0, 9, 8, 3, 4, 2, 6 },
        { 6, 1, 2, 3, 0, 4, 5, 9, 7, 8 },
        { 3, 6, 7, 4, 2, 0, 9, 5, 8, 1 },
        { 5, 8, 6, 9, 7, 2, 0, 1, 3, 4 },
        { 8, 9, 4, 5, 3, 6, 2, 0, 1, 7 },
        { 9, 4, 3, 8, 6, 1, 7, 2, 0, 5 },
        { 2, 5, 8, 1, 4, 3, 6, 7, 9, 0 },
    };

    public static string New(DateTimeOffset reportedAt, long sequence) => New(reportedAt, sequence, DefaultPrefix);

    public static string New(DateTimeOffset reportedAt, long sequence, string prefix)
    {
        if (!IsPrefix(prefix))
        {
            throw new ArgumentException($"A prefix is 1 to {MaxPrefixLength} capital letters A–Z.", nameof(prefix));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sequence, (long)Math.Pow(10, MaxSequenceDigits));
        var date = ChinaTime.DateOf(reportedAt).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var number = sequence.ToString("D" + SequenceDigits, CultureInfo.InvariantCulture);
        return $"{prefix}{date}-{number}{CheckDigit(date + number)}";
    }

    public static bool IsValid(string? text) => TryParse(text, DefaultPrefix, out _);

    public static bool IsValid(string? text, string prefix) => TryParse(text, prefix, out _);

    /// <summary>
    /// Reads a number as a person types it: surrounding spaces and lower-case letters are forgiven; anything
    /// else that differs from what <see cref="New(DateTimeOffset, long, string)"/> writes is not a number.
    /// </summary>
    public static bool TryParse(string? text, string prefix, out TrackingNumberParts parts)
    {
        parts = default;
        if (text is null || !IsPrefix(prefix))
        {
            return false;
        }

        var s = text.Trim().ToUpperInvariant();
        var dash = prefix.Length + DateDigits;
        if (!s.StartsWith(prefix, StringComparison.Ordinal) || s.Length < dash + 1 + SequenceDigits + 1 || s[dash] != '-')
        {
            return false;
        }

        var date = s[prefix.Length..dash];
        var number = s[(dash + 1)..^1];
        var check = s[^1];

        // Only the padding New writes is accepted: extra leading zeros would name the same case twice.
        var canonical = number.Length == SequenceDigits || (number.Length <= MaxSequenceDigits && number[0] != '0');
        if (!canonical || !AllDigits(date) || !AllDigits(number) || !char.IsAsciiDigit(check)
            || CheckDigit(date + number) != check
            || !DateOnly.TryParseExact(date, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return false;
        }

        var sequence = long.Parse(number, NumberStyles.None, CultureInfo.InvariantCulture);
        if (sequence < 1)
        {
            return false;
        }

        parts = new(prefix, day, sequence);
        return true;
    }

    private static char CheckDigit(string digits)
    {
        var interim = 0;
        foreach (var c in digits)
        {
            interim = Damm[interim, c - '0'];
        }

        return (char)('0' + interim);
    }

    private static bool IsPrefix(string? prefix) =>
        prefix is { Length: >= 1 and <= MaxPrefixLength } && prefix.All(char.IsAsciiLetterUpper);

    private static bool AllDigits(string s) => s.All(char.IsAsciiDigit);
}
