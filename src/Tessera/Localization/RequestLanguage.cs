// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Localization;

/// <summary>
/// The language a request asks for: <c>?lang=</c> when it names a supported language (flow creation stores it on the
/// flow), else the best supported <c>Accept-Language</c>; null when it asks for none Tessera has (English is shown).
/// </summary>
internal static class RequestLanguage
{
    public const string QueryParameter = "lang";

    public static string? Of(HttpRequest request) =>
        Languages.Match(request.Query[QueryParameter].FirstOrDefault()) ?? AcceptLanguageHeader.Preferred(request.Headers.AcceptLanguage.ToString());
}
