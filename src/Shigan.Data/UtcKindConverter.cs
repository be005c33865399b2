using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Shigan.Data;

/// <summary>Marks every DateTime read from the database as UTC, which is how all of them are written.</summary>
internal sealed class UtcKindConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
