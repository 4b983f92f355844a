from icp_renew.cli.app import main

main()
