// SPDX-License-Identifier: Apache-2.0
namespace Tessera.OAuth2;

/// <summary>
/// Reads the form body of the endpoints Tessera answers without OpenIddict (introspection, revocation): null when
/// the body is empty, not <c>application/x-www-form-urlencoded</c>, or not a readable form. The caller turns that
/// into its invalid_request; a malformed body never reaches a 500.
/// </summary>
internal static class OAuth2Form
{
    public static async Task<IFormCollection?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        try
        {
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return null;
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
