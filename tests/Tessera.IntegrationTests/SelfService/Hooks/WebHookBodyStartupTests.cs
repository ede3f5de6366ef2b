// SPDX-License-Identifier: Apache-2.0
using System.Text;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Hooks;

/// <summary>Issue 17 finding 6a: a body template that does not render JSON stops <c>tessera serve</c>, naming its key.</summary>
public sealed class WebHookBodyStartupTests
{
    [Fact]
    public async Task Serve_BodyTemplateRenderingInvalidJson_ExitsWith1NamingTheKeyPath()
    {
        // An unquoted string placeholder: "{"email": a@b }" is not JSON.
        var template = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"email": {{identity.traits.email}} }"""));
        var file = Path.Combine(Directory.CreateTempSubdirectory("tessera-hook-").FullName, "tessera.yml");
        await File.WriteAllTextAsync(file, $"""
            dsn: memory
            selfservice:
              flows:
                registration:
                  after:
                    password:
                      hooks:
                        - hook: web_hook
                          config:
                            url: http://127.0.0.1:9/hook
                            body: base64://{template}
            """);

        var (exit, _, stderr) = await TesseraProcess.RunAsync(["serve", "--config", file]);

        exit.ShouldBe(1);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, stderr);
        lines[0].ShouldContain("selfservice.flows.registration.after.password.hooks.0.config.body");
        lines[0].ShouldContain("valid JSON");
    }
}
