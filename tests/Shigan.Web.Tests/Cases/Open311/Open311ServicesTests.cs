using System.Net;
using System.Text.Json;
using Shigan.Testing;

namespace Shigan.Web.Tests.Cases.Open311;

/// <summary>GeoReport v2 discovery, service list and service definitions: every field the spec names, in JSON and in XML.</summary>
public sealed class Open311ServicesTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private static readonly string[] ServiceFields = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"];

    private static readonly string[] AttributeFields =
        ["variable", "code", "datatype", "required", "datatype_description", "order", "description", "values"];

    private static readonly string[] ValueFields = ["key", "name"];

    private static readonly string[] EndpointFields = ["specification", "url", "changeset", "type", "formats"];

    [Fact]
    public async Task Discovery_names_the_v2_endpoint_with_both_formats_and_how_to_get_a_key()
    {
        using var client = app.Anonymous();

        var json = await client.GetOpen311JsonAsync("/discovery.json");
        var xml = await client.GetXmlAsync("/discovery.xml");

        Assert.Equal(["changeset", "contact", "key_service", "endpoints"], json.Names());
        Assert.All(json.Names(), n => Assert.False(string.IsNullOrEmpty(json.GetProperty(n).ToString()), n));
        var endpoint = Assert.Single(json.GetProperty("endpoints").EnumerateArray());
        Assert.Equal(EndpointFields, endpoint.Names());
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        Assert.EndsWith("/open311/v2", endpoint.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("production", endpoint.GetProperty("type").GetString());
        Assert.Equal(["text/xml", "application/json"], endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));

        Assert.Equal("discovery", xml.Name.LocalName);
        Assert.Equal(["changeset", "contact", "key_service", "endpoints"], xml.Names());
        var xmlEndpoint = Assert.Single(xml.Element("endpoints")!.Elements());
        xmlEndpoint.AssertShape("endpoint", EndpointFields);
        Assert.Equal(["format", "format"], xmlEndpoint.Element("formats")!.Names());
        Assert.Equal(["text/xml", "application/json"], xmlEndpoint.Element("formats")!.Elements().Select(f => f.Value));
        Assert.Equal(json.GetProperty("key_service").GetString(), xml.Element("key_service")!.Value);
    }

    [Fact]
    public async Task The_service_list_is_the_active_catalogue_with_metadata_true_where_a_category_asks_questions()
    {
        using var client = app.Anonymous();

        var json = await client.GetOpen311JsonAsync("/services.json");
        var xml = await client.GetXmlAsync("/services.xml");

        var services = json.EnumerateArray().ToList();
        Assert.Equal(31, services.Count);
        Assert.All(services, s => Assert.Equal(ServiceFields, s.Names()));
        Assert.All(services, s => Assert.Equal("realtime", s.GetProperty("type").GetString()));
        var byCode = services.ToDictionary(s => s.GetProperty("service_code").GetString()!);
        Assert.Equal("河道污染", byCode["ZF04"].GetProperty("service_name").GetString());
        Assert.Equal("综合执法", byCode["ZF04"].GetProperty("group").GetString());
        Assert.Contains("综合执法中队", byCode["ZF04"].GetProperty("keywords").GetString(), StringComparison.Ordinal);
        var asking = services.Where(s => s.GetProperty("metadata").GetBoolean()).Select(s => s.GetProperty("service_code").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["SC01", "ZF01", "ZF02", "ZF04", "ZZ03"], asking);

        Assert.Equal("services", xml.Name.LocalName);
        Assert.Equal(31, xml.Elements().Count());
        Assert.All(xml.Elements(), s => s.AssertShape("service", ServiceFields));
        var zf04 = xml.Elements().Single(s => s.Element("service_code")!.Value == "ZF04");
        Assert.Equal(("true", "realtime"), (zf04.Element("metadata")!.Value, zf04.Element("type")!.Value));
        Assert.Equal("false", xml.Elements().Single(s => s.Element("service_code")!.Value == "ZZ01").Element("metadata")!.Value);
    }

    [Fact]
    public async Task A_service_definition_lists_the_categorys_questions_as_attributes_with_their_values()
    {
        using var client = app.Anonymous();

        var json = await client.GetOpen311JsonAsync("/services/ZF01.json");
        var xml = await client.GetXmlAsync("/services/ZF01.xml");

        Assert.Equal(["service_code", "attributes"], json.Names());
        Assert.Equal("ZF01", json.GetProperty("service_code").GetString());
        var attributes = json.GetProperty("attributes").EnumerateArray().ToList();
        Assert.All(attributes, a => Assert.Equal(AttributeFields, a.Names()));
        Assert.Equal(
            [("area", "number", false, 1), ("stage", "singlevaluelist", true, 2)],
            attributes.Select(a => (a.GetProperty("code").GetString(), a.GetProperty("datatype").GetString(), a.GetProperty("required").GetBoolean(), a.GetProperty("order").GetInt32())));
        Assert.All(attributes, a => Assert.True(a.GetProperty("variable").GetBoolean()));
        Assert.Equal("建设进度", attributes[1].GetProperty("description").GetString());
        Assert.Equal(
            [("building", "正在施工"), ("done", "已建成")],
            attributes[1].GetProperty("values").EnumerateArray().Select(v => (v.GetProperty("key").GetString(), v.GetProperty("name").GetString())));
        Assert.All(attributes[1].GetProperty("values").EnumerateArray(), v => Assert.Equal(ValueFields, v.Names()));
        Assert.Empty(attributes[0].GetProperty("values").EnumerateArray());

        Assert.Equal("service_definition", xml.Name.LocalName);
        Assert.Equal(["service_code", "attributes"], xml.Names());
        Assert.All(xml.Element("attributes")!.Elements(), a => a.AssertShape("attribute", AttributeFields));
        var stage = xml.Element("attributes")!.Elements().Single(a => a.Element("code")!.Value == "stage");
        Assert.Equal(("singlevaluelist", "true", "2"), (stage.Element("datatype")!.Value, stage.Element("required")!.Value, stage.Element("order")!.Value));
        Assert.All(stage.Element("values")!.Elements(), v => v.AssertShape("value", ValueFields));
        Assert.Equal(["building", "done"], stage.Element("values")!.Elements().Select(v => v.Element("key")!.Value));
    }

    [Fact]
    public async Task Every_question_type_maps_to_its_open311_datatype()
    {
        using var client = app.Anonymous();

        string Types(JsonElement definition) => string.Join(",", definition.GetProperty("attributes").EnumerateArray().Select(a => a.GetProperty("datatype").GetString()));

        Assert.Equal("multivaluelist", Types(await client.GetOpen311JsonAsync("/services/ZF04.json")));
        Assert.Equal("string,datetime", Types(await client.GetOpen311JsonAsync("/services/SC01.json")));
        Assert.Equal("", Types(await client.GetOpen311JsonAsync("/services/ZZ01.json")));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task Unknown_services_formats_paths_and_jurisdictions_answer_404_with_the_error_list(string format)
    {
        using var client = app.Anonymous();

        using (var unknownCode = await client.GetAsync($"{Open311Calls.Base}/services/XX99.{format}"))
        {
            Assert.Contains("service_code", (await unknownCode.ErrorsAsync(format, HttpStatusCode.NotFound))[0], StringComparison.Ordinal);
        }

        using (var otherJurisdiction = await client.GetAsync($"{Open311Calls.Base}/services.{format}?jurisdiction_id=sfgov.org"))
        {
            Assert.Contains("jurisdiction_id", (await otherJurisdiction.ErrorsAsync(format, HttpStatusCode.NotFound))[0], StringComparison.Ordinal);
        }

        using (var ours = await client.GetAsync($"{Open311Calls.Base}/services.{format}?jurisdiction_id=330822"))
        {
            Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
        }

        // An empty optional argument is no argument (the spec's rule).
        using (var empty = await client.GetAsync($"{Open311Calls.Base}/services.{format}?jurisdiction_id="))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        }

        // A missing or unknown format, or no such resource, is a 404; the list is in JSON only when .json was asked for.
        foreach (var path in new[] { "/services", "/services.csv", "/services/ZF01", "/nothing-here.json", "/requests/CS20260101-0000000.html" })
        {
            using var response = await client.GetAsync(Open311Calls.Base + path);
            await response.ErrorsAsync(path.EndsWith(".json", StringComparison.Ordinal) ? "json" : "xml", HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task The_error_descriptions_are_in_the_users_language()
    {
        using var client = app.Anonymous();
        using (var switched = await client.GetAsync("/culture?c=en&back=/"))
        {
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        }

        using var response = await client.GetAsync($"{Open311Calls.Base}/services/XX99.json");

        Assert.Equal(["service_code: Unknown category"], await response.ErrorsAsync("json", HttpStatusCode.NotFound));
    }
}
