// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tessera.Configuration;
using Tessera.Persistence;
using Tessera.Projects.Overlays;
using Tessera.RateLimiting;
using Tessera.SelfService.Flows.Settings;
using Tessera.Sessions;

namespace Tessera.Tests.Projects;

public sealed class ProjectOptionsTests
{
    private static readonly Guid DefaultProject = Guid.NewGuid();
    private static readonly Guid OtherProject = Guid.NewGuid();

    private static ConfigurationTree Tree(string yaml, Dictionary<string, string>? env = null) =>
        new(YamlConfigurationFile.Parse(yaml, "test.yml"), env ?? []);

    private static ProjectOptions<T> Accessor<T>(ConfigurationTree config, Func<ConfigurationTree, T> bind, ProjectOverlaySnapshot snapshot)
        where T : class => new(new ProjectOptionsBinder<T>(bind, bind(config)), snapshot, config, new UnusableOverlayLog(NullLogger<UnusableOverlayLog>.Instance));

    private static JsonObject Overlay(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public void Value_NoOverlays_IsTheDeploymentValueItself()
    {
        var config = Tree(string.Empty);
        var binder = new ProjectOptionsBinder<SettingsOptions>(SettingsOptions.Bind, SettingsOptions.Bind(config));
        var options = new ProjectOptions<SettingsOptions>(binder, new ProjectOverlaySnapshot(), config, new UnusableOverlayLog(NullLogger<UnusableOverlayLog>.Instance));

        options.Value.ShouldBeSameAs(binder.DeploymentValue);
    }

    [Fact]
    public void Value_EnteredProjectWithOverlay_BindsBasePlusOverlay()
    {
        var snapshot = new ProjectOverlaySnapshot();
        var options = Accessor(Tree(string.Empty), SettingsOptions.Bind, snapshot);
        snapshot.Replace(DefaultProject, [new ProjectOverlay(OtherProject, Overlay("""{"selfservice":{"flows":{"settings":{"required_aal":"aal1"}}}}"""), 1)]);

        options.Value.RequiredAal.ShouldBe(RequiredAal.HighestAvailable);
        using (NetworkContext.Enter(OtherProject))
        {
            options.Value.RequiredAal.ShouldBe(RequiredAal.Aal1);
        }
    }

    [Fact]
    public void Value_SameVersion_IsCachedAndANewVersionRebinds()
    {
        var snapshot = new ProjectOverlaySnapshot();
        var options = Accessor(Tree(string.Empty), RateLimitOptions.Bind, snapshot);
        snapshot.Replace(DefaultProject, [new ProjectOverlay(DefaultProject, Overlay("""{"rate_limits":{"buckets":{"whoami":{"limit":"3"}}}}"""), 1)]);

        var first = options.Value;
        options.Value.ShouldBeSameAs(first);
        first["whoami"].Limit.ShouldBe(3);

        snapshot.Replace(DefaultProject, [new ProjectOverlay(DefaultProject, Overlay("""{"rate_limits":{"buckets":{"whoami":{"limit":"7"}}}}"""), 2)]);
        options.Value["whoami"].Limit.ShouldBe(7);
    }

    [Fact]
    public void WithOverlay_KeyAlsoSetByEnvironment_OverlayWins()
    {
        var config = Tree("session:\n  lifespan: 1h\n", new() { ["SESSION_WHOAMI_REQUIRED_AAL"] = "aal1" });

        var merged = config.WithOverlay(Overlay("""{"session":{"whoami":{"required_aal":"highest_available"}}}"""));

        merged.GetString("session.whoami.required_aal").ShouldBe("highest_available");
        merged.GetString("session.lifespan").ShouldBe("1h");
        config.GetString("session.whoami.required_aal").ShouldBe("aal1");
    }

    [Fact]
    public void Value_StoredOverlayNoLongerBinds_ThrowsProjectConfigUnusableNamingTheKey_LoggedOncePerVersion()
    {
        var snapshot = new ProjectOverlaySnapshot();
        var logger = new CountingLogger();
        var config = Tree(string.Empty);
        var options = new ProjectOptions<SettingsOptions>(
            new ProjectOptionsBinder<SettingsOptions>(SettingsOptions.Bind, SettingsOptions.Bind(config)), snapshot, config, new UnusableOverlayLog(logger));
        snapshot.Replace(DefaultProject, [new ProjectOverlay(OtherProject, Overlay("""{"selfservice":{"flows":{"settings":{"required_aal":"aal9"}}}}"""), 3)]);

        using (NetworkContext.Enter(OtherProject))
        {
            var first = Should.Throw<ProjectConfigUnusableException>(() => options.Value);
            Should.Throw<ProjectConfigUnusableException>(() => options.Value);

            first.KeyPath.ShouldBe("selfservice.flows.settings.required_aal");
            first.Error.Descriptor.Id.ShouldBe("project_config_unusable");
            first.Error.Context!["version"].ShouldBe(3L);
        }

        logger.Errors.ShouldBe(1);
        options.Value.RequiredAal.ShouldBe(RequiredAal.HighestAvailable);
    }

    [Fact]
    public void SetByOverlay_IsTrueOnlyForAValueTheBaseDoesNotHaveThere_ThroughListIndexes()
    {
        var config = Tree("selfservice:\n  flows:\n    login:\n      after:\n        hooks:\n          - hook: web_hook\n            config:\n              body: file:///a\n");

        var same = config.WithOverlay(Overlay("""{"selfservice":{"flows":{"login":{"after":{"hooks":[{"hook":"web_hook","config":{"url":"http://x/","body":"file:///a"}}]}}}}}"""));
        var other = config.WithOverlay(Overlay("""{"selfservice":{"flows":{"login":{"after":{"hooks":[{"hook":"web_hook","config":{"body":"file:///b"}}]}}}}}"""));

        same.SetByOverlay("selfservice.flows.login.after.hooks.0.config.body").ShouldBeFalse();
        same.SetByOverlay("selfservice.flows.login.after.hooks.0.config.url").ShouldBeTrue();
        other.SetByOverlay("selfservice.flows.login.after.hooks.0.config.body").ShouldBeTrue();
        other.SetByOverlay("selfservice.flows.login.after.hooks.1.config.body").ShouldBeFalse();
        config.SetByOverlay("selfservice.flows.login.after.hooks.0.config.body").ShouldBeFalse();
    }

    private sealed class CountingLogger : ILogger<UnusableOverlayLog>
    {
        public int Errors { get; private set; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Error)
            {
                Errors++;
            }
        }
    }
}
