using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace CaseIngest.Search.Tests.Behaviour;

/// <summary>A fact of the shared behaviour suite: it runs for every backend class deriving from the suite, and is
/// reported as skipped (with the reason) for a backend whose class carries <see cref="SkipUnlessAttribute"/> and whose
/// condition does not hold — so the Elasticsearch run shows as skipped, not as passed, without a server.</summary>
[XunitTestCaseDiscoverer("CaseIngest.Search.Tests.Behaviour.BackendFactDiscoverer", "CaseIngest.Search.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class BackendFactAttribute : FactAttribute;

/// <summary>Put on a backend's suite class: its facts are skipped when <see cref="SkipReason"/> is not null.</summary>
[AttributeUsage(AttributeTargets.Class)]
public abstract class SkipUnlessAttribute : Attribute
{
    public abstract string? SkipReason { get; }
}

/// <summary>Skips unless <c>CASEINGEST_ES_URL</c> names an Elasticsearch to test against.</summary>
public sealed class RequiresElasticsearchAttribute : SkipUnlessAttribute
{
    public const string Variable = "CASEINGEST_ES_URL";

    public override string? SkipReason => string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable))
        ? $"{Variable} is not set: no Elasticsearch to test against"
        : null;
}

/// <summary>An Elasticsearch-only fact: skipped with the reason when <c>CASEINGEST_ES_URL</c> is not set.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ElasticsearchFactAttribute : FactAttribute
{
    public ElasticsearchFactAttribute() => Skip = new RequiresElasticsearchAttribute().SkipReason;
}

public sealed class BackendFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        new BackendTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
}

public sealed class BackendTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public BackendTestCase()
    {
    }

    public BackendTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method)
        : base(sink, display, options, method)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        TestMethod.TestClass.Class.ToRuntimeType().GetCustomAttribute<SkipUnlessAttribute>(inherit: true)?.SkipReason
        ?? base.GetSkipReason(factAttribute);
}
