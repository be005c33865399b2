using Shigan.Core.Org;

namespace Shigan.Core.Cases;

/// <summary>
/// A program allowed to file reports through Open311 (a city app, a hotline's system). Its API key is shown once at
/// issue and stored only as a hash; revoking it stops the key at once, and the record stays for the history.
/// </summary>
public sealed class Open311Client : ISharedSetting
{
    public const int NameMaxLength = 64;

    /// <summary>How many leading characters of the key are kept in clear, so an admin can tell keys apart.</summary>
    public const int KeyPrefixLength = 8;

    public int Id { get; set; }

    public required string Name { get; set; }

    public required string KeyPrefix { get; set; }

    /// <summary>SHA-256 of the whole key, hex; the key itself is never stored.</summary>
    public required string KeyHash { get; set; }

    public DateTime IssuedAtUtc { get; set; }

    public string? IssuedById { get; set; }

    public DateTime? RevokedAtUtc { get; set; }

    public bool IsActive => RevokedAtUtc is null;
}
