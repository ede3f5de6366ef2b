// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Errors;
using Tessera.Errors.Rendering;
using Tessera.Hosting;

namespace Tessera.Tests.Errors;

public sealed class ErrorBodyFactoryTests
{
    private static readonly TesseraError Fault = new(ErrorCatalog.InternalServerError) { Debug = "System.IO.IOException: disk full" };

    [Fact]
    public void Body_OutsideDevMode_HasNoDebug() => Factory(dev: false).Body("req", Fault).Debug.ShouldBeNull();

    [Fact]
    public void Body_InDevMode_CarriesDebug() => Factory(dev: true).Body("req", Fault).Debug.ShouldNotBeNull();

    [Fact]
    public void Envelope_SinceIsAGoDurationInNanoseconds()
    {
        var error = new TesseraError(ErrorCatalog.SelfServiceFlowExpired) { Since = TimeSpan.FromMinutes(2), UseFlowId = Guid.NewGuid() };
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();

        var envelope = Factory(dev: false).Envelope(context, error);

        envelope.Since.ShouldBe(120_000_000_000L);
        envelope.UseFlowId.ShouldBe(error.UseFlowId);
    }

    private static ErrorBodyFactory Factory(bool dev)
    {
        var serve = new ServeOptions(new EndpointOptions("127.0.0.1", 4433, null), new EndpointOptions("127.0.0.1", 4434, null), 1 << 20, 32768, false, dev);
        return new ErrorBodyFactory(serve, TimeProvider.System, new ErrorDocumentationLinks(serve, new BoundListeners()));
    }
}
