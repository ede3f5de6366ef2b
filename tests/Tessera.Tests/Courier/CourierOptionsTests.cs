// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.Courier;

namespace Tessera.Tests.Courier;

public sealed class CourierOptionsTests
{
    [Fact]
    public void Bind_WithoutConfiguration_UsesTheLogAndKratosDefaults()
    {
        var options = CourierOptions.Bind(Config());

        options.Smtp.ShouldBeNull();
        options.MessageRetries.ShouldBe(5);
        options.PullCount.ShouldBe(10);
        options.PullWait.ShouldBe(TimeSpan.FromSeconds(1));
        options.From.Address.ShouldBe("no-reply@ory.kratos.sh");
    }

    [Fact]
    public void Bind_SmtpUri_ReadsCredentialsAndFlags_AndNeverPrintsThePassword()
    {
        var options = CourierOptions.Bind(Config(("courier.smtp.connection_uri", "smtp://us%40er:p%3Ass@mail.example.com:2525/?disable_starttls=true&skip_ssl_verify=false")));

        var smtp = options.Smtp.ShouldNotBeNull();
        smtp.Host.ShouldBe("mail.example.com");
        smtp.Port.ShouldBe(2525);
        smtp.UserName.ShouldBe("us@er");
        smtp.Password.ShouldBe("p:ss");
        smtp.DisableStartTls.ShouldBeTrue();
        smtp.SkipSslVerify.ShouldBeFalse();
        smtp.ToString().ShouldNotContain("p:ss");
    }

    [Fact]
    public void Bind_SmtpsUri_IsImplicitTlsOnPort465ByDefault()
    {
        var smtp = CourierOptions.Bind(Config(("courier.smtp.connection_uri", "smtps://test:test@mailslurper/?skip_ssl_verify=true"))).Smtp.ShouldNotBeNull();

        smtp.ImplicitTls.ShouldBeTrue();
        smtp.Port.ShouldBe(465);
        smtp.UserName.ShouldBe("test");
        smtp.SkipSslVerify.ShouldBeTrue();
        smtp.ToString().ShouldBe("smtps://mailslurper:465/");
    }

    [Theory]
    [InlineData("courier.smtp.connection_uri", "http://mail.example.com/")]
    [InlineData("courier.smtp.connection_uri", "smtp://mail.example.com/?disable_starttls=maybe")]
    [InlineData("courier.smtp.from_address", "not an address")]
    [InlineData("courier.message_retries", "-1")]
    [InlineData("courier.delivery_strategy", "http")]
    [InlineData("courier.template_override_path", "/does/not/exist")]
    public void Bind_BadValue_FailsNamingTheKey(string key, string value)
    {
        var e = Should.Throw<ConfigurationException>(() => CourierOptions.Bind(Config((key, value))));

        e.KeyPath.ShouldStartWith("courier.");
    }

    [Fact]
    public void Bind_HeaderWithLineBreak_IsRefused()
    {
        var config = Config();
        config.Set("courier.smtp.headers", new JsonObject { ["X-Test"] = "a\r\nBcc: evil@example.com" });

        Should.Throw<ConfigurationException>(() => CourierOptions.Bind(config));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(40, 600)]
    public void RetryDelay_DoublesFromOneSecond_CappedAtTenMinutes(int attempt, int seconds) =>
        CourierDispatcher.RetryDelay(attempt).ShouldBe(TimeSpan.FromSeconds(seconds));

    private static ConfigurationTree Config(params (string Key, string Value)[] values)
    {
        var config = new ConfigurationTree([], new Dictionary<string, string>());
        foreach (var (key, value) in values)
        {
            config.Set(key, JsonValue.Create(value));
        }

        return config;
    }
}
