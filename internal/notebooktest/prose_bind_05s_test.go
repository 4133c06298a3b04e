package notebooktest_test

var bind05s = []binding{}
