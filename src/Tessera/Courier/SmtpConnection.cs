// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.WebUtilities;
using Tessera.Configuration;

namespace Tessera.Courier;

/// <summary>
/// <c>courier.smtp.connection_uri</c>: <c>smtp://user:pass@host:port/?disable_starttls=true&amp;skip_ssl_verify=true</c>.
/// STARTTLS is required unless <c>disable_starttls=true</c> (Kratos's default). <c>smtps://</c> (implicit TLS, port
/// 465) is refused at start-up: System.Net.Mail's SmtpClient only speaks STARTTLS.
/// </summary>
internal sealed class SmtpConnection
{
    private const string KeyPath = "courier.smtp.connection_uri";

    private SmtpConnection(string host, int port, string? userName, string? password, bool disableStartTls, bool skipSslVerify)
    {
        Host = host;
        Port = port;
        UserName = userName;
        Password = password;
        DisableStartTls = disableStartTls;
        SkipSslVerify = skipSslVerify;
    }

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

        if (uri.Scheme == "smtps")
        {
            throw new ConfigurationException(KeyPath,
                "smtps:// (implicit TLS) is not supported: Tessera's SMTP client speaks STARTTLS only. Use smtp://host:587/ (STARTTLS is required by default)");
        }

        if (uri.Scheme != "smtp")
        {
            throw new ConfigurationException(KeyPath, $"expected the smtp:// scheme, got {uri.Scheme}://");
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

        return new SmtpConnection(uri.Host, uri.Port > 0 ? uri.Port : 25, user, password,
            Flag(query, "disable_starttls"), Flag(query, "skip_ssl_verify"));
    }

    // The password never reaches a log line or an exception message through this type.
    public override string ToString() => $"smtp://{Host}:{Port}/";

    private static bool Flag(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query, string name) =>
        !query.TryGetValue(name, out var value) ? false : value.ToString() switch
        {
            "true" => true,
            "false" => false,
            _ => throw new ConfigurationException(KeyPath, $"the query parameter {name} must be true or false"),
        };
}
