// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Hooks;

/// <summary>
/// A <c>web_hook</c>'s <c>config</c> (Kratos's keys), bound and checked at start-up. <see cref="Timeout"/> is
/// Tessera's <c>config.timeout</c> (default 10 s): the budget for the whole call, retries included.
/// </summary>
internal sealed record WebHookConfig(
    Uri Url,
    HttpMethod Method,
    IReadOnlyDictionary<string, string> Headers,
    WebHookBodyTemplate? Body,
    WebHookAuth? Auth,
    bool CanInterrupt,
    bool Parse,
    bool Ignore,
    TimeSpan Timeout,
    string? Id)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The URL as logged: no user info, no query (it may carry a key), no fragment.</summary>
    public string LoggedUrl => new UriBuilder(Url) { UserName = string.Empty, Password = string.Empty, Query = string.Empty, Fragment = string.Empty }.Uri.AbsoluteUri;
}
