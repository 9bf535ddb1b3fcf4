using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Abstractions.Plugins;

/// <summary>What a plugin declares about its step when it registers it: the step's type and the plugins whose output it
/// reads. The host adds the name (the plugin's folder) and the version (the plugin's assembly).</summary>
public sealed class StepRegistration
{
    /// <summary>Declares a step; use <see cref="StepServiceCollectionExtensions.AddSubmissionStep{TStep}"/>.</summary>
    public StepRegistration(Type stepType, IReadOnlyList<string> needs)
    {
        ArgumentNullException.ThrowIfNull(stepType);
        ArgumentNullException.ThrowIfNull(needs);
        if (!typeof(ISubmissionStep).IsAssignableFrom(stepType))
        {
            throw new ArgumentException($"{stepType.FullName} is not an {nameof(ISubmissionStep)}.", nameof(stepType));
        }

        StepType = stepType;
        Needs = needs;
    }

    /// <summary>The step's type, registered scoped.</summary>
    public Type StepType { get; }

    /// <summary>Names of the plugins whose output the step reads; the host runs it after them.</summary>
    public IReadOnlyList<string> Needs { get; }
}

/// <summary>How a plugin's registrar adds its step.</summary>
public static class StepServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="TStep"/> as the plugin's step (scoped: one instance per package).</summary>
    /// <param name="services">The services the registrar was given.</param>
    /// <param name="needs">Names of the plugins whose output the step reads (e.g. <c>"FormFields"</c>).</param>
    public static IServiceCollection AddSubmissionStep<TStep>(this IServiceCollection services, params string[] needs)
        where TStep : class, ISubmissionStep
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<TStep>();
        services.AddSingleton(new StepRegistration(typeof(TStep), needs ?? []));
        return services;
    }
}
