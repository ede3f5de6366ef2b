// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.WebUtilities;
using Tessera.Configuration;

namespace Tessera.Courier;

/// <summary>
/// <c>courier.smtp.connection_uri</c> as Kratos reads it: <c>smtps://user:pass@host:465/</c> speaks TLS from the
/// first byte (implicit TLS); <c>smtp://user:pass@host:587/</c> requires STARTTLS unless <c>disable_starttls=true</c>;
/// <c>skip_ssl_verify=true</c> accepts any server certificate (tests, self-signed relays). The user info, when
/// present, is the SMTP AUTH user and password.
/// </summary>
internal sealed class SmtpConnection
{
    private const string KeyPath = "courier.smtp.connection_uri";

    private SmtpConnection(bool implicitTls, string host, int port, string? userName, string? password, bool disableStartTls, bool skipSslVerify)
    {
        ImplicitTls = implicitTls;
        Host = host;
        Port = port;
        UserName = userName;
        Password = password;
        DisableStartTls = disableStartTls;
        SkipSslVerify = skipSslVerify;
    }

    /// <summary><c>smtps://</c>: TLS from the first byte, no STARTTLS.</summary>
    public bool ImplicitTls { get; }

    public string Host { get; }

    public int Port { get; }

    public string? UserName { get; }

    public string? Password { get; }

    public bool DisableStartTls { get; }

    public bool SkipSslVerify { get; }

    public static SmtpConnection Parse(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ConfigurationException(KeyPath, "expected a URL such as smtp://user:password@mail.example.com:587/");
        }

        if (uri.Scheme is not ("smtp" or "smtps"))
        {
            throw new ConfigurationException(KeyPath, $"expected the smtp:// or smtps:// scheme, got {uri.Scheme}://");
        }

        var query = QueryHelpers.ParseQuery(uri.Query);
        string? user = null;
        string? password = null;
        if (uri.UserInfo.Length > 0)
        {
            var separator = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(separator < 0 ? uri.UserInfo : uri.UserInfo[..separator]);
            password = separator < 0 ? null : Uri.UnescapeDataString(uri.UserInfo[(separator + 1)..]);
        }

        var implicitTls = uri.Scheme == "smtps";
        return new SmtpConnection(implicitTls, uri.Host, uri.Port > 0 ? uri.Port : implicitTls ? 465 : 25, user, password,
            Flag(query, "disable_starttls"), Flag(query, "skip_ssl_verify"));
    }

    // The password never reaches a log line or an exception message through this type.
    public override string ToString() => $"{(ImplicitTls ? "smtps" : "smtp")}://{Host}:{Port}/";

    private static bool Flag(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query, string name) =>
        !query.TryGetValue(name, out var value) ? false : value.ToString() switch
        {
            "true" => true,
            "false" => false,
            _ => throw new ConfigurationException(KeyPath, $"the query parameter {name} must be true or false"),
        };
}
