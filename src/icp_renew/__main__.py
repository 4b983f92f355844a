from icp_renew.cli.console import run

run()
