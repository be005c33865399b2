using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Data;
using Shigan.Web.Api;

namespace Shigan.Web.Cases.Open311;

public sealed record Open311ClientItem(int Id, string Name, string KeyPrefix, DateTime IssuedAtUtc, DateTime? RevokedAtUtc);

/// <summary>A newly issued client with its key: the only time the key is ever shown.</summary>
public sealed record Open311IssuedKey(int Id, string Name, string KeyPrefix, DateTime IssuedAtUtc, string Key);

public sealed record Open311ClientInput(string? Name);

/// <summary>
/// API keys of Open311 clients, issued per client by a county administrator. A key is 32 random bytes (base64url);
/// only its SHA-256 and its first characters are stored, so a key is checked by looking its hash up, and a lost key
/// is replaced, never recovered. Revoking stops the key at once; the client stays listed for the history.
/// </summary>
public static class Open311Keys
{
    /// <summary>Longer than any key we issue: such a value is not looked up at all.</summary>
    private const int MaxKeyLength = 128;

    // Read on every Open311 request (never cached: a revoked key must be refused at once), so compiled once.
    private static readonly Func<ShiganDb, string, CancellationToken, Task<Open311Client?>> ByHash =
        EF.CompileAsyncQuery((ShiganDb db, string hash, CancellationToken ct) =>
            db.Open311Clients.AsNoTracking().SingleOrDefault(c => c.KeyHash == hash && c.RevokedAtUtc == null));

    public static Task<List<Open311ClientItem>> ListAsync(ShiganDb db, CancellationToken ct = default) =>
        db.Open311Clients.AsNoTracking().OrderBy(c => c.RevokedAtUtc != null).ThenByDescending(c => c.Id)
            .Select(c => new Open311ClientItem(c.Id, c.Name, c.KeyPrefix, c.IssuedAtUtc, c.RevokedAtUtc))
            .ToListAsync(ct);

    public static async Task<(Open311IssuedKey? Issued, FieldErrors Errors)> IssueAsync(
        ShiganDb db, Open311ClientInput input, string? issuedById, DateTime nowUtc, CancellationToken ct = default)
    {
        var errors = new FieldErrors().Required("name", input.Name, Open311Client.NameMaxLength);
        if (errors.Any)
        {
            return (null, errors);
        }

        // Names tell clients apart in the list and in the case histories.
        var name = input.Name!.Trim();
        if (await db.Open311Clients.AnyAsync(c => c.Name == name, ct))
        {
            return (null, errors.Add("name", "该名称已被使用"));
        }

        var key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var client = new Open311Client
        {
            Name = name,
            KeyPrefix = key[..Open311Client.KeyPrefixLength],
            KeyHash = Hash(key),
            IssuedAtUtc = nowUtc,
            IssuedById = issuedById,
        };
        db.Open311Clients.Add(client);
        await db.SaveChangesAsync(ct);
        return (new Open311IssuedKey(client.Id, client.Name, client.KeyPrefix, client.IssuedAtUtc, key), errors);
    }

    /// <summary>Revokes the client's key; revoking a revoked key changes nothing. Null when there is no such client.</summary>
    public static async Task<Open311ClientItem?> RevokeAsync(ShiganDb db, int id, DateTime nowUtc, CancellationToken ct = default)
    {
        var client = await db.Open311Clients.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (client is null)
        {
            return null;
        }

        if (client.RevokedAtUtc is null)
        {
            client.RevokedAtUtc = nowUtc;
            await db.SaveChangesAsync(ct);
        }

        return new Open311ClientItem(client.Id, client.Name, client.KeyPrefix, client.IssuedAtUtc, client.RevokedAtUtc);
    }

    /// <summary>The client a key belongs to, if the key is valid and not revoked.</summary>
    public static async Task<Open311Client?> VerifyAsync(ShiganDb db, string? key, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength)
        {
            return null;
        }

        // Found by its hash through the unique index: no comparison of secrets that could leak by its timing.
        return await ByHash(db, Hash(key.Trim()), ct);
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
