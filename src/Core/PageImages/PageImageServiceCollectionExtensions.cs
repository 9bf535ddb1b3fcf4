using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CaseIngest.Core.PageImages;

/// <summary>Registers the page-image store (<c>PageImages:*</c>): the pipeline renders into it, the web app reads it.</summary>
public static class PageImageServiceCollectionExtensions
{
    public static IServiceCollection AddCaseIngestPageImages(this IServiceCollection services)
    {
        services.AddOptions<PageImageOptions>().BindConfiguration(PageImageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IPageImageStore, DirectoryPageImageStore>();
        return services;
    }
}
