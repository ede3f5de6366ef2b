// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.Courier;

namespace Tessera.Tests.Courier;

public sealed class CourierRetentionOptionsTests
{
    [Fact]
    public void Bind_WithoutConfiguration_KeepsBodiesADayAndMessagesAWeek()
    {
        var options = CourierRetentionOptions.Bind(Config());

        options.Body.ShouldBe(TimeSpan.FromHours(24));
        options.Message.ShouldBe(TimeSpan.FromDays(7));
    }

    [Fact]
    public void Bind_Durations_AreRead()
    {
        var options = CourierRetentionOptions.Bind(Config(("courier.message_retention.body", "1h"), ("courier.message_retention.message", "720h")));

        options.Body.ShouldBe(TimeSpan.FromHours(1));
        options.Message.ShouldBe(TimeSpan.FromDays(30));
    }

    [Theory]
    [InlineData("courier.message_retention.body", "soon")]
    [InlineData("courier.message_retention.message", "1h")]
    public void Bind_BadValue_OrMessagesGoingBeforeTheirBodies_FailsNamingTheKey(string key, string value)
    {
        var e = Should.Throw<ConfigurationException>(() => CourierRetentionOptions.Bind(Config((key, value))));

        e.KeyPath.ShouldBe(key);
    }

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
