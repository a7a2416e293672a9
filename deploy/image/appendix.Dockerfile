# Appended by deploy/image/build-image to the image repo2docker builds from environment.yml:
# nbgitpuller, so a teacher's nbgitpuller link brings the lessons into each student's home.
RUN ${NB_PYTHON_PREFIX}/bin/python -m pip install --no-cache-dir nbgitpuller==1.3.0
