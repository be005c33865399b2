using System.Text.Json.Serialization;

namespace Shigan.Web.Cases.Open311;

// GeoReport v2's documents. Property names become the spec's snake_case field (and XML element) names; every field
// is written, null as JSON null and as an empty XML element, so clients find each one where the spec puts it.

public sealed record Open311Discovery(string Changeset, string Contact, string KeyService, IReadOnlyList<Open311Endpoint> Endpoints);

public sealed record Open311Endpoint(string Specification, string Url, string Changeset, string Type, IReadOnlyList<string> Formats);

public sealed record Open311Service(string ServiceCode, string ServiceName, string? Description, bool Metadata, string Type, string Keywords, string Group);

public sealed record Open311ServiceDefinition(string ServiceCode, IReadOnlyList<Open311Question> Attributes);

/// <summary>An attribute, in the spec's words (a name that .NET keeps for its own attributes).</summary>
public sealed record Open311Question(
    bool Variable, string Code, string Datatype, bool Required, string? DatatypeDescription, int Order, string Description,
    IReadOnlyList<Open311Value> Values);

public sealed record Open311Value(string Key, string Name);

/// <summary>The answer to a filed request: its id at once (the service is realtime), and the token as well.</summary>
public sealed record Open311Receipt(string ServiceRequestId, string Token, string? ServiceNotice, string? AccountId);

public sealed record Open311TokenItem(string ServiceRequestId, string Token);

public sealed record Open311Request(
    string ServiceRequestId, string Status, string? StatusNotes, string ServiceName, string ServiceCode, string? Description,
    string? AgencyResponsible, string? ServiceNotice, string RequestedDatetime, string UpdatedDatetime, string? ExpectedDatetime,
    string? Address, string? AddressId, string? Zipcode,
    [property: JsonPropertyName("lat")] double? Latitude,
    [property: JsonPropertyName("long")] double? Longitude,
    string? MediaUrl);

public sealed record Open311Error(int Code, string Description);
