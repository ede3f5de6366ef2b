// SPDX-License-Identifier: Apache-2.0
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Tessera.IntegrationTests.Ui;

/// <summary>What a person does on the built-in pages, shared by the browser suites, and the URLs they land on.</summary>
internal static class UiSteps
{
    public const string Password = "a long enough passphrase 42";

    public static async Task<IPage> NewPageAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return page;
    }

    public static async Task RegisterAsync(IPage page, string email)
    {
        // Kratos 1.3's two steps: the traits, then the credential.
        await page.FillAsync("input[name='traits.email']", email);
        await page.ClickAsync("button[name=method][value=profile]");
        await page.FillAsync("input[name=password]", Password);
        await page.ClickAsync("button[name=method][value=password]");
    }

    public static async Task SignInAsync(IPage page, string identifier, string password)
    {
        await page.FillAsync("input[name=identifier]", identifier);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[name=method][value=password]");
    }

    /// <summary>
    /// Re-authentication (<c>refresh=true</c>): the identifier is the session's, a hidden pre-filled input as in Kratos;
    /// only the password is typed.
    /// </summary>
    public static async Task ReauthenticateAsync(IPage page, string identifier, string password)
    {
        var pinned = page.Locator("input[name=identifier]");
        (await pinned.GetAttributeAsync("type")).ShouldBe("hidden");
        (await pinned.InputValueAsync()).ShouldBe(identifier);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[name=method][value=password]");
    }

    /// <summary>Every visible input has a <c>&lt;label for&gt;</c> naming it (read without page scripts, so it also works with JS off).</summary>
    public static async Task AssertEveryInputIsLabelledAsync(IPage page)
    {
        var inputs = page.Locator("input:not([type=hidden])");
        (await inputs.CountAsync()).ShouldBeGreaterThan(0);
        foreach (var input in await inputs.AllAsync())
        {
            var id = await input.GetAttributeAsync("id");
            id.ShouldNotBeNullOrEmpty();
            (await page.Locator($"label[for='{id}']").CountAsync()).ShouldBe(1, $"input {id} has no label");
        }
    }

    public static Regex FlowPage(string kind) => new($"/ui/{kind}\\?flow=[0-9a-f-]{{36}}$");

    public static Regex Welcome() => new("/ui/welcome$");

    public static string NewEmail() => $"ui-{Guid.NewGuid():N}@example.com";
}
