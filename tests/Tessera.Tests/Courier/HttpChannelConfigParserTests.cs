// SPDX-License-Identifier: Apache-2.0
using System.Text;
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.Courier.Channels;

namespace Tessera.Tests.Courier;

public sealed class HttpChannelConfigParserTests
{
    // Kratos's own default request body for courier channels and the HTTP delivery strategy.
    private const string KratosDefaultJsonnet =
        """
        function(ctx) {
          recipient: ctx.recipient,
          template_type: ctx.template_type,
          body: ctx.body
        }
        """;

    [Fact]
    public void Parse_WithoutChannels_IsEmpty() => HttpChannelConfigParser.Parse(Config(null)).ShouldBeEmpty();

    [Fact]
    public void Parse_AnSmsChannel_ReadsUrlMethodHeadersAndAuth()
    {
        var channel = HttpChannelConfigParser.Parse(Config(Channel(new JsonObject
        {
            ["url"] = "https://sms.example.com/send",
            ["method"] = "put",
            ["headers"] = new JsonObject { ["X-Account"] = "a1" },
            ["auth"] = new JsonObject { ["type"] = "api_key", ["config"] = new JsonObject { ["name"] = "X-Key", ["value"] = "secret", ["in"] = "header" } },
        }))).ShouldHaveSingleItem();

        channel.Id.ShouldBe("sms");
        channel.Request.Url.ShouldBe(new Uri("https://sms.example.com/send"));
        channel.Request.Method.ShouldBe(HttpMethod.Put);
        channel.Request.Headers["X-Account"].ShouldBe("a1");
        channel.Request.Auth.ShouldNotBeNull().Type.ShouldBe("api_key");
        channel.Request.Body.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("base64")]
    [InlineData("file")]
    public void Parse_AJsonnetBody_FallsBackToKratosDefaultFields_AndWarnsNamingTheKey(string source)
    {
        string location;
        if (source == "base64")
        {
            location = "base64://" + Convert.ToBase64String(Encoding.UTF8.GetBytes(KratosDefaultJsonnet));
        }
        else
        {
            location = "file://" + Path.Combine(Directory.CreateTempSubdirectory("tessera-jsonnet-").FullName, "body.jsonnet");
            File.WriteAllText(location["file://".Length..], KratosDefaultJsonnet);
        }

        var config = Config(Channel(new JsonObject { ["url"] = "https://sms.example.com/send", ["body"] = location }));
        var channel = HttpChannelConfigParser.Parse(config).ShouldHaveSingleItem();

        var notice = config.Notices.ShouldHaveSingleItem();
        notice.KeyPath.ShouldBe("courier.channels.0.request_config.body");
        notice.Message.ShouldContain("Jsonnet");
        var rendered = JsonNode.Parse(channel.Request.Body.ShouldNotBeNull().Render(new JsonObject { ["recipient"] = "+4917012345678", ["body"] = "123456", ["template_type"] = "login_code_valid" }))!;
        rendered["recipient"]!.GetValue<string>().ShouldBe("+4917012345678");
        rendered["body"]!.GetValue<string>().ShouldBe("123456");
    }

    [Fact]
    public void Parse_AChannelIdOtherThanSms_OrAMissingUrl_NamesTheKey()
    {
        Should.Throw<ConfigurationException>(() => HttpChannelConfigParser.Parse(Config(new JsonArray(new JsonObject
        {
            ["id"] = "whatsapp", ["type"] = "http", ["request_config"] = new JsonObject { ["url"] = "https://x.example.com" },
        })))).KeyPath.ShouldBe("courier.channels.0.id");
        Should.Throw<ConfigurationException>(() => HttpChannelConfigParser.Parse(Config(Channel(new JsonObject { ["method"] = "POST" }))))
            .KeyPath.ShouldBe("courier.channels.0.request_config.url");
    }

    [Fact]
    public void Parse_ABodyThatDoesNotRenderJson_StopsStartUp()
    {
        var body = "base64://" + Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"text": {{body}} }"""));

        Should.Throw<ConfigurationException>(() => HttpChannelConfigParser.Parse(Config(Channel(new JsonObject
        {
            ["url"] = "https://sms.example.com/send", ["body"] = body,
        })))).KeyPath.ShouldBe("courier.channels.0.request_config.body");
    }

    private static JsonArray Channel(JsonObject requestConfig) =>
        new(new JsonObject { ["id"] = "sms", ["type"] = "http", ["request_config"] = requestConfig });

    private static ConfigurationTree Config(JsonNode? channels)
    {
        var config = new ConfigurationTree([], new Dictionary<string, string>());
        if (channels is not null)
        {
            config.Set("courier.channels", channels);
        }

        return config;
    }
}
