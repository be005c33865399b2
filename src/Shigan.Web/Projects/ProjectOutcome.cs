namespace Shigan.Web.Projects;

public enum ProjectOutcome
{
    Done,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}
