// SPDX-License-Identifier: Apache-2.0
using Tessera.Persistence;
using Tessera.Projects;

namespace Tessera.OperatorConsole;

/// <summary>
/// For the console pages that read one project's data (identities, sessions, courier, errors): resolves
/// <c>?project=</c> (<see cref="ConsoleProjectScope"/>), serves that project for the handler (every store filters on
/// it, so an identity of another project is not found), or answers the console's 404 <c>project_not_found</c> page.
/// </summary>
internal sealed class ConsoleProjectFilter(ConsoleSection section) : IEndpointFilter
{
    public const string QueryParameter = "project";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var services = context.RequestServices;
        var scope = await ConsoleProjectScope.ResolveAsync(
            context.Request.Query[QueryParameter].FirstOrDefault(), services.GetRequiredService<ProjectStore>(), services.GetRequiredService<NetworkContext>(),
            context.RequestAborted);
        if (!scope.Succeeded)
        {
            return ConsolePage.Failed(context, section, scope.Error);
        }

        scope.Value.Attach(context);
        using var project = NetworkContext.Enter(scope.Value.Project.Id);
        return await next(invocation);
    }
}
