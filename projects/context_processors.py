from . import roles as role_rules


def roles(request):
    user = request.user
    return {
        "is_data_manager": role_rules.is_data_manager(user),
        "is_supervisor": role_rules.is_supervisor(user),
    }
