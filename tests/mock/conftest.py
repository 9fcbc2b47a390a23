pytest_plugins = ["ionq_mock.pytest_plugin"]
