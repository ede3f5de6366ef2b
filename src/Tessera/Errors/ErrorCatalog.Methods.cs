// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>Errors about the self-service methods (Kratos's strategies) themselves.</summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor SelfServiceMethodDisabled = new(
        "self_service_method_disabled", 400,
        "This self-service method is disabled.",
        "The {method} method is not enabled on this server.",
        "The request needs a method (for example `POST /admin/recovery/link` the link method) that is switched off: `selfservice.methods.<method>.enabled` is false.",
        "Enable the method in the configuration (`selfservice.methods.link.enabled: true`), or use the endpoint of an enabled method (`POST /admin/recovery/code`).",
        "An admin call answers 400: the method is disabled");
}
