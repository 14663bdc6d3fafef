from . import access


def roles(request):
    user = request.user
    return {
        "is_data_manager": access.is_data_manager(user),
        "is_supervisor": access.is_supervisor(user),
    }
