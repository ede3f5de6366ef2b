// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using Tessera.Errors;
using Tessera.OAuth2.Clients;

namespace Tessera.OAuth2.Protocol;

/// <summary>
/// What Tessera's OpenIddict handlers leave on the transaction for the endpoints and the error writer: the
/// authenticated client, and the catalog error a rejection stands for.
/// </summary>
internal static class TransactionItems
{
    private const string ClientKey = "tessera:oauth2:client";
    private const string ErrorKey = "tessera:oauth2:error";

    public static void SetClient(this OpenIddictServerTransaction transaction, OAuth2Client client) =>
        transaction.Properties[ClientKey] = client;

    public static OAuth2Client? GetClient(this OpenIddictServerTransaction transaction) =>
        transaction.Properties.TryGetValue(ClientKey, out var value) ? value as OAuth2Client : null;

    public static void SetError(this OpenIddictServerTransaction transaction, TesseraError error) =>
        transaction.Properties[ErrorKey] = error;

    public static TesseraError? GetError(this OpenIddictServerTransaction transaction) =>
        transaction.Properties.TryGetValue(ErrorKey, out var value) ? value as TesseraError : null;

    /// <summary>
    /// The catalog error an OpenIddict error response stands for, for every handler that renders one: the one a
    /// Tessera handler rejected with, else OpenIddict's own rejection mapped by its error id or RFC code
    /// (<see cref="OAuth2Errors.EntryFor(string, string?, string?)"/>), its description kept as the hint. Null when
    /// the response is no error.
    /// </summary>
    public static TesseraError? ResponseError(this OpenIddictServerTransaction transaction) =>
        transaction.Response is { Error: { Length: > 0 } code } response
            ? transaction.GetError() ?? new TesseraError(OAuth2Errors.EntryFor(code, response.ErrorUri, response.ErrorDescription), response.ErrorDescription)
            : null;

    /// <summary>Rejects the OpenIddict request with a catalog error (rendered later by <see cref="OAuth2ErrorResponseHandler{TContext}"/>).</summary>
    public static void Reject(this OpenIddictServerEvents.BaseValidatingContext context, TesseraError error)
    {
        context.Transaction.SetError(error);
        context.Reject(OAuth2Errors.CodeOf(error.Descriptor), error.EffectiveReason);
    }
}
