namespace Shigan.Web.Campaigns;

public enum WorkOutcome
{
    Done,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}
